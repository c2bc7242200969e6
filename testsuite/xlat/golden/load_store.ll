define hidden range(i32 4, 10) i32 @fvp_100b0_load_store(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 112
  %x14 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %3, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %pc.p16 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p16, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

exit:                                             ; preds = %start, %entry.switch
  %x10.slot.0 = phi i64 [ %x10, %start ], [ %7, %entry.switch ]
  %x14.slot.0 = phi i64 [ %x14, %start ], [ 127, %entry.switch ]
  %x15.slot.0 = phi i64 [ %x15, %start ], [ %5, %entry.switch ]
  %exit.pc = phi i64 [ %pc, %start ], [ %8, %entry.switch ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %entry.switch ]
  store i64 %x10.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %x14.slot.0, ptr %2, align 8, !tbaa !5
  store i64 %x15.slot.0, ptr %3, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p16, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %clamp.base = tail call i64 @llvm.umin.i64(i64 %x10, i64 274877908992)
  %host = getelementptr i8, ptr %mem_base, i64 %clamp.base
  %ld = load i64, ptr %host, align 1, !tbaa !9
  %host20 = getelementptr i8, ptr %host, i64 16
  %ld21 = load i32, ptr %host20, align 1, !tbaa !9
  %4 = sext i32 %ld21 to i64
  %5 = add i64 %ld, %4
  %host28 = getelementptr i8, ptr %host, i64 8
  store i64 %5, ptr %host28, align 1, !tbaa !9
  store i8 127, ptr %host, align 1, !tbaa !9
  %6 = lshr i64 %5, 8
  %7 = and i64 %6, 255
  %8 = and i64 %x1, -2
  br label %exit
}
