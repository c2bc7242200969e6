define hidden range(i32 4, 10) i32 @fvp_100b0_early_ret(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 16
  %x2 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 64
  %x8 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 72
  %x9 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %4, align 8, !tbaa !5
  %5 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %5, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %pc.p21 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p21, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

exit:                                             ; preds = %start, %cont, %taken
  %x10.slot.0 = phi i64 [ %x10, %start ], [ %x10, %taken ], [ %10, %cont ]
  %exit.pc = phi i64 [ %pc, %start ], [ %8, %taken ], [ %11, %cont ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %taken ], [ 4, %cont ]
  store i64 %x10.slot.0, ptr %4, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p21, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %6 = add i64 %x2, -32
  %clamp.base = tail call i64 @llvm.umin.i64(i64 %6, i64 274877908992)
  %7 = getelementptr i8, ptr %mem_base, i64 %clamp.base
  %host = getelementptr i8, ptr %7, i64 24
  store i64 %x1, ptr %host, align 1, !tbaa !9
  %host29 = getelementptr i8, ptr %7, i64 16
  store i64 %x8, ptr %host29, align 1, !tbaa !9
  %host34 = getelementptr i8, ptr %7, i64 8
  store i64 %x9, ptr %host34, align 1, !tbaa !9
  %.not = icmp slt i64 %x11, %x10
  br i1 %.not, label %cont, label %taken

taken:                                            ; preds = %entry.switch
  %8 = and i64 %x1, -2
  br label %exit

cont:                                             ; preds = %entry.switch
  %9 = mul i64 %x11, %x10
  %10 = add i64 %9, 3
  %11 = and i64 %x1, -2
  br label %exit
}
