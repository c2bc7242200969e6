define hidden range(i32 4, 10) i32 @fvp_100b0_loop_sum(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %3, align 8, !tbaa !5
  %pc.p20 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p20, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100b0:                                          ; preds = %entry.switch
  %4 = icmp eq i64 %x10, 0
  br i1 %4, label %b_100bc, label %cont

b_100b6:                                          ; preds = %b_100b6.preheader, %taken35
  %x15.slot.060 = phi i64 [ %6, %taken35 ], [ %x15.slot.0.ph, %b_100b6.preheader ]
  %x10.slot.059 = phi i64 [ %5, %taken35 ], [ %x10.slot.0.ph, %b_100b6.preheader ]
  %instret.slot.058 = phi i64 [ %instret.n38, %taken35 ], [ %instret.slot.0.ph, %b_100b6.preheader ]
  %5 = add i64 %x15.slot.060, %x10.slot.059
  %6 = add i64 %x15.slot.060, -1
  %.not = icmp eq i64 %6, 0
  br i1 %.not, label %b_100bc, label %taken35

b_100bc:                                          ; preds = %b_100b6, %b_100b0
  %instret.slot.1.in = phi i64 [ %instret, %b_100b0 ], [ %10, %b_100b6 ]
  %x10.slot.1 = phi i64 [ 0, %b_100b0 ], [ %5, %b_100b6 ]
  %instret.slot.1 = add i64 %instret.slot.1.in, 3
  %7 = and i64 %x1, -2
  br label %exit

exit:                                             ; preds = %taken35, %loop_100b6.preheader, %start, %b_100bc
  %instret.slot.2 = phi i64 [ %instret, %start ], [ %instret.slot.1, %b_100bc ], [ %instret.slot.0.ph, %loop_100b6.preheader ], [ %instret.n38, %taken35 ]
  %x10.slot.2 = phi i64 [ %x10, %start ], [ %x10.slot.1, %b_100bc ], [ %x10.slot.0.ph, %loop_100b6.preheader ], [ %5, %taken35 ]
  %x15.slot.2 = phi i64 [ %x15, %start ], [ 0, %b_100bc ], [ %x15.slot.0.ph, %loop_100b6.preheader ], [ %6, %taken35 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %7, %b_100bc ], [ 65718, %loop_100b6.preheader ], [ 65718, %taken35 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %b_100bc ], [ 9, %loop_100b6.preheader ], [ 9, %taken35 ]
  %exit.count = phi i64 [ 0, %start ], [ 1, %b_100bc ], [ 0, %loop_100b6.preheader ], [ 0, %taken35 ]
  %instret.n = add i64 %exit.count, %instret.slot.2
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.2, ptr %2, align 8, !tbaa !5
  store i64 %x15.slot.2, ptr %3, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p20, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65718
  br i1 %cond, label %loop_100b6.preheader, label %b_100b0

cont:                                             ; preds = %b_100b0
  %instret.n26 = add i64 %instret, 3
  br label %loop_100b6.preheader

loop_100b6.preheader:                             ; preds = %cont, %entry.switch
  %instret.slot.0.ph = phi i64 [ %instret.n26, %cont ], [ %instret, %entry.switch ]
  %x10.slot.0.ph = phi i64 [ 0, %cont ], [ %x10, %entry.switch ]
  %x15.slot.0.ph = phi i64 [ %x10, %cont ], [ %x15, %entry.switch ]
  %req2856 = load volatile i32, ptr %req.p, align 4
  %"stop?30.not57" = icmp eq i32 %req2856, 0
  br i1 %"stop?30.not57", label %b_100b6.preheader, label %exit

b_100b6.preheader:                                ; preds = %loop_100b6.preheader
  %8 = mul i64 %x15.slot.0.ph, 3
  %9 = add i64 %instret.slot.0.ph, %8
  %10 = add i64 %9, -3
  br label %b_100b6

taken35:                                          ; preds = %b_100b6
  %instret.n38 = add i64 %instret.slot.058, 3
  %req28 = load volatile i32, ptr %req.p, align 4
  %"stop?30.not" = icmp eq i32 %req28, 0
  br i1 %"stop?30.not", label %b_100b6, label %exit
}
