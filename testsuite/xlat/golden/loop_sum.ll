define hidden range(i32 4, 10) i32 @fvp_100b0_loop_sum(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %2, align 8, !tbaa !5
  %pc.p14 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p14, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

b_100bc:                                          ; preds = %b_100b6.preheader, %entry.switch
  %x10.slot.1 = phi i64 [ 0, %entry.switch ], [ %14, %b_100b6.preheader ]
  %3 = and i64 %x1, -2
  br label %exit

exit:                                             ; preds = %start, %b_100bc
  %x10.slot.2 = phi i64 [ %x10, %start ], [ %x10.slot.1, %b_100bc ]
  %x15.slot.2 = phi i64 [ %x15, %start ], [ 0, %b_100bc ]
  %exit.pc = phi i64 [ %pc, %start ], [ %3, %b_100bc ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %b_100bc ]
  store i64 %x10.slot.2, ptr %1, align 8, !tbaa !5
  store i64 %x15.slot.2, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p14, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %4 = icmp eq i64 %x10, 0
  br i1 %4, label %b_100bc, label %b_100b6.preheader

b_100b6.preheader:                                ; preds = %entry.switch
  %5 = add i64 %x10, -1
  %6 = mul i64 %5, %5
  %7 = zext i64 %5 to i65
  %8 = add i64 %x10, -2
  %9 = zext i64 %8 to i65
  %10 = mul i65 %7, %9
  %11 = lshr i65 %10, 1
  %12 = trunc nuw i65 %11 to i64
  %13 = add i64 %x10, %6
  %14 = sub i64 %13, %12
  br label %b_100bc
}
